<?xml version="1.0" encoding="UTF-8"?>
<!--
  privacy-names.xsl: the words of "my data": the name of each part of
  what is held and of each of its columns, for the page and the CSV.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template name="part-name">
    <xsl:param name="p" select="@name"/>
    <xsl:choose>
      <xsl:when test="$p = 'account'">账号</xsl:when>
      <xsl:when test="$p = 'unit'">所在单位</xsl:when>
      <xsl:when test="$p = 'codes'">蓝码</xsl:when>
      <xsl:when test="$p = 'attempts'">答题记录</xsl:when>
      <xsl:when test="$p = 'points'">学习积分</xsl:when>
      <xsl:when test="$p = 'lessons'">学习进度</xsl:when>
      <xsl:when test="$p = 'hazards'">隐患曝光</xsl:when>
      <xsl:when test="$p = 'additions'">对隐患的补充</xsl:when>
      <xsl:when test="$p = 'visits'">消防站参观预约</xsl:when>
      <xsl:when test="$p = 'trainings'">培训预约</xsl:when>
      <xsl:when test="$p = 'aid'">烧伤救助申请</xsl:when>
      <xsl:when test="$p = 'notices'">办事进度通知</xsl:when>
      <xsl:otherwise><xsl:value-of select="$p"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="column-name">
    <xsl:param name="c" select="local-name()"/>
    <xsl:choose>
      <xsl:when test="$c = 'phone'">手机号</xsl:when>
      <xsl:when test="$c = 'name'">姓名</xsl:when>
      <xsl:when test="$c = 'role'">角色</xsl:when>
      <xsl:when test="$c = 'region'">镇街</xsl:when>
      <xsl:when test="$c = 'created'">时间</xsl:when>
      <xsl:when test="$c = 'last-login'">上次登录</xsl:when>
      <xsl:when test="$c = 'unit'">单位</xsl:when>
      <xsl:when test="$c = 'status'">状态</xsl:when>
      <xsl:when test="$c = 'admin'">单位管理员</xsl:when>
      <xsl:when test="$c = 'joined'">加入时间</xsl:when>
      <xsl:when test="$c = 'number'">编号</xsl:when>
      <xsl:when test="$c = 'method'">定位方式</xsl:when>
      <xsl:when test="$c = 'issued'">领取日期</xsl:when>
      <xsl:when test="$c = 'expires'">有效期至</xsl:when>
      <xsl:when test="$c = 'revoked'">撤销时间</xsl:when>
      <xsl:when test="$c = 'started'">开始时间</xsl:when>
      <xsl:when test="$c = 'score'">得分</xsl:when>
      <xsl:when test="$c = 'submitted'">交卷时间</xsl:when>
      <xsl:when test="$c = 'day'">日期</xsl:when>
      <xsl:when test="$c = 'rule'">积分项目</xsl:when>
      <xsl:when test="$c = 'points'">积分</xsl:when>
      <xsl:when test="$c = 'course'">课程</xsl:when>
      <xsl:when test="$c = 'lesson'">课时</xsl:when>
      <xsl:when test="$c = 'opened'">开始学习</xsl:when>
      <xsl:when test="$c = 'completed'">学完时间</xsl:when>
      <xsl:when test="$c = 'ref'">编号</xsl:when>
      <xsl:when test="$c = 'category'">类别</xsl:when>
      <xsl:when test="$c = 'address'">地址</xsl:when>
      <xsl:when test="$c = 'description'">描述</xsl:when>
      <xsl:when test="$c = 'contact-name'">联系人</xsl:when>
      <xsl:when test="$c = 'contact-phone'">联系电话</xsl:when>
      <xsl:when test="$c = 'report'">隐患报告</xsl:when>
      <xsl:when test="$c = 'station'">消防站</xsl:when>
      <xsl:when test="$c = 'at'">时间</xsl:when>
      <xsl:when test="$c = 'people'">人数</xsl:when>
      <xsl:when test="$c = 'organisation'">单位</xsl:when>
      <xsl:when test="$c = 'kind'">事项</xsl:when>
      <xsl:when test="$c = 'message'">说明</xsl:when>
      <xsl:when test="$c = 'applicant-name'">申请人</xsl:when>
      <xsl:when test="$c = 'applicant-phone'">申请人手机号</xsl:when>
      <xsl:when test="$c = 'patient-name'">患者</xsl:when>
      <xsl:when test="$c = 'incident'">受伤日期</xsl:when>
      <xsl:when test="$c = 'hospital'">医院</xsl:when>
      <xsl:when test="$c = 'costs'">医疗费用（元）</xsl:when>
      <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
