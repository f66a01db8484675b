<?xml version="1.0" encoding="UTF-8"?>
<!-- audit-names.xsl: the name of each action of the audit log. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="@action">
    <xsl:choose>
      <xsl:when test=". = 'login'">登录</xsl:when>
      <xsl:when test=". = 'logout'">退出</xsl:when>
      <xsl:when test=". = 'login-failed'">登录失败</xsl:when>
      <xsl:when test=". = 'login-throttled'">登录被暂停（失败过多）</xsl:when>
      <xsl:when test=". = 'revoke'">撤销蓝码</xsl:when>
      <xsl:when test=". = 'bank-import'">导入题库</xsl:when>
      <xsl:when test=". = 'bank-draft'">新建草稿版本</xsl:when>
      <xsl:when test=". = 'bank-publish'">发布题库</xsl:when>
      <xsl:when test=". = 'question-save'">保存题目</xsl:when>
      <xsl:when test=". = 'question-retire'">停用题目</xsl:when>
      <xsl:when test=". = 'role-save'">修改角色设置</xsl:when>
      <xsl:when test=". = 'region-population'">修改常住人口</xsl:when>
      <xsl:when test=". = 'region-name-en'">修改镇街英文名称</xsl:when>
      <xsl:when test=". = 'department-add'">添加行业部门</xsl:when>
      <xsl:when test=". = 'department-save'">修改行业部门</xsl:when>
      <xsl:when test=". = 'unit-approve'">通过单位审核</xsl:when>
      <xsl:when test=". = 'unit-reject'">单位审核不通过</xsl:when>
      <xsl:when test=". = 'unit-key'">认定重点单位</xsl:when>
      <xsl:when test=". = 'unit-unkey'">取消重点单位</xsl:when>
      <xsl:when test=". = 'password-reset-link'">生成重设密码链接</xsl:when>
      <xsl:when test=". = 'points-rule'">修改积分规则</xsl:when>
      <xsl:when test=". = 'course-add'">新建课程</xsl:when>
      <xsl:when test=". = 'course-save'">修改课程</xsl:when>
      <xsl:when test=". = 'course-move'">调整课程顺序</xsl:when>
      <xsl:when test=". = 'lesson-add'">添加课时</xsl:when>
      <xsl:when test=". = 'lesson-save'">修改课时</xsl:when>
      <xsl:when test=". = 'lesson-move'">调整课时顺序</xsl:when>
      <xsl:when test=". = 'lesson-delete'">删除课时</xsl:when>
      <xsl:when test=". = 'bulletin-publish'">发布通报</xsl:when>
      <xsl:when test=". = 'admin-add'">新建管理员账号</xsl:when>
      <xsl:when test=". = 'station-add'">新增消防站</xsl:when>
      <xsl:when test=". = 'slot-add'">新增参观时段</xsl:when>
      <xsl:when test=". = 'visit-mark'">登记参观到场</xsl:when>
      <xsl:when test=". = 'aid-view'">查看救助申请（含个人信息）</xsl:when>
      <xsl:when test=". = 'aid-review'">开始审核救助申请</xsl:when>
      <xsl:when test=". = 'aid-more-info'">要求救助申请补充材料</xsl:when>
      <xsl:when test=". = 'aid-approve'">批准救助申请</xsl:when>
      <xsl:when test=". = 'aid-reject'">不予批准救助申请</xsl:when>
      <xsl:when test=". = 'training-confirm'">确认培训</xsl:when>
      <xsl:when test=". = 'training-propose'">建议培训改期</xsl:when>
      <xsl:when test=". = 'training-decline'">答复培训未能安排</xsl:when>
      <xsl:when test=". = 'training-done'">标记培训完成</xsl:when>
      <xsl:when test=". = 'trainer-add'">添加培训讲师</xsl:when>
      <xsl:when test=". = 'trainer-retire'">停用培训讲师</xsl:when>
      <xsl:when test=". = 'workday-save'">录入节假日或调休</xsl:when>
      <xsl:when test=". = 'workday-delete'">删除节假日或调休</xsl:when>
      <xsl:when test=". = 'admin-save'">修改管理员账号</xsl:when>
      <xsl:when test=". = 'hazard-moderate'">审核公开隐患报告</xsl:when>
      <xsl:when test=". = 'hazard-photo-hide'">隐藏隐患照片</xsl:when>
      <xsl:when test=". = 'hazard-photo-show'">恢复公开隐患照片</xsl:when>
      <xsl:when test=". = 'hazard-status'">办理隐患报告</xsl:when>
      <xsl:when test=". = 'access-export'">导出个人信息查看记录</xsl:when>
      <xsl:when test=". = 'admin-password'">重设管理员密码</xsl:when>
      <xsl:otherwise><xsl:value-of select="."/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
