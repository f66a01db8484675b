<?xml version="1.0" encoding="UTF-8"?>
<!--
  unit.xsl: 我的单位. Signed out: how to sign in. In no unit: join one by
  its join code, or create one. A member: the unit, and leaving it. Its
  admin: the members with their blue-code status, the coverage of the
  headcount, requests to approve, invitations, the join code and poster,
  the CSV export and the invitation upload. A refused form says why.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:bluecode:l10n">
  <xsl:import href="layout.xsl"/>
  <xsl:include href="stats-daily.xsl"/>

  <xsl:template match="/page" mode="title">我的单位</xsl:template>

  <xsl:template match="error">
    <p class="form-error" role="alert">
      <xsl:choose>
        <xsl:when test="@reason = 'missing-name'">请填写单位名称。</xsl:when>
        <xsl:when test="@reason = 'bad-name'">单位名称只能是一行文字。</xsl:when>
        <xsl:when test="@reason = 'long-name'">单位名称最长 64 个字。</xsl:when>
        <xsl:when test="@reason = 'bad-region'">请选择单位所在的镇街。</xsl:when>
        <xsl:when test="@reason = 'bad-department'">请选择单位的主管行业部门。</xsl:when>
        <xsl:when test="@reason = 'bad-headcount'">人员数应为 1–1,000,000 之间的整数。</xsl:when>
        <xsl:when test="@reason = 'taken'">本辖区已有同名的单位。如果是你所在的单位，请向单位管理员要加入码。</xsl:when>
        <xsl:when test="@reason = 'in-unit'">你已经在一个单位里了。每人同时只能属于一个单位，请先退出原单位。</xsl:when>
        <xsl:when test="@reason = 'bad-code'">加入码是 8 位字母和数字，请核对后重新输入。</xsl:when>
        <xsl:when test="@reason = 'no-unit'">没有找到这个加入码对应的单位，请核对后重新输入。</xsl:when>
        <xsl:when test="@reason = 'unit-pending'">这个单位还在等待审核，审核通过后才能加入。</xsl:when>
        <xsl:when test="@reason = 'last-admin'">你是本单位唯一的管理员，单位里还有其他成员。请先把一位成员设为单位管理员，再退出。</xsl:when>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template name="code-status">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'valid'">有效</xsl:when>
      <xsl:when test="$s = 'expiring'">即将到期</xsl:when>
      <xsl:when test="$s = 'expired'">已过期</xsl:when>
      <xsl:when test="$s = 'none'">未领取</xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/page" mode="main">
    <xsl:choose>
      <xsl:when test="need-account">
        <section class="card narrow">
          <h1>我的单位</h1>
          <p>加入或创建单位需要先登录账号（手机号和密码），这样单位管理员才能核对成员。</p>
          <p><a class="button" href="/account">登录或注册</a></p>
        </section>
      </xsl:when>
      <xsl:when test="unit">
        <xsl:apply-templates select="unit"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="no-unit"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- In no unit: join by code, or create one. -->
  <xsl:template name="no-unit">
    <xsl:variable name="e" select="error"/>
    <section class="card narrow" id="join">
      <h1>加入单位</h1>
      <p class="note">向单位管理员要 8 位加入码，或扫描单位张贴的加入海报。提交后由单位管理员审核。</p>
      <xsl:if test="$e/@reason = 'bad-code' or $e/@reason = 'no-unit' or $e/@reason = 'unit-pending' or ($e/@reason = 'in-unit' and $e/@code)">
        <xsl:apply-templates select="$e"/>
      </xsl:if>
      <form method="post" action="/unit/join" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">加入码</span>
          <input name="code" type="text" maxlength="12" autocomplete="off" autocapitalize="characters"
              required="required" value="{$e/@code}"/>
        </label>
        <button type="submit" class="button">申请加入</button>
      </form>
    </section>
    <section class="card narrow" id="create">
      <h2>创建单位</h2>
      <p class="note">找不到你的单位？可以创建一个，你就是它的单位管理员。单位经区消安委办审核通过后，成员才能加入。是否为重点单位由管理部门认定。</p>
      <xsl:if test="$e and not($e/@reason = 'bad-code' or $e/@reason = 'no-unit' or $e/@reason = 'unit-pending' or ($e/@reason = 'in-unit' and $e/@code))">
        <xsl:apply-templates select="$e"/>
      </xsl:if>
      <form method="post" action="/unit" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">单位名称</span>
          <input name="name" type="text" maxlength="64" required="required" value="{$e/@name}"/>
        </label>
        <label class="field">
          <span class="field-label">所在镇街</span>
          <select name="region" required="required">
            <option value="">请选择</option>
            <xsl:for-each select="create-form/regions/region">
              <option value="{@id}">
                <xsl:if test="@id = $e/@region"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                <xsl:value-of select="@name"/>
              </option>
            </xsl:for-each>
          </select>
        </label>
        <xsl:if test="create-form/departments/department">
          <label class="field">
            <span class="field-label">主管行业部门</span>
            <select name="department" required="required">
              <option value="">请选择</option>
              <xsl:for-each select="create-form/departments/department">
                <option value="{@id}">
                  <xsl:if test="@id = $e/@department"><xsl:attribute name="selected">selected</xsl:attribute></xsl:if>
                  <xsl:value-of select="@name"/>
                </option>
              </xsl:for-each>
            </select>
          </label>
        </xsl:if>
        <label class="field">
          <span class="field-label">人员数（在岗员工或师生总数）</span>
          <input name="headcount" type="number" min="1" max="1000000" required="required" value="{$e/@headcount}"/>
        </label>
        <button type="submit" class="button secondary">创建单位</button>
      </form>
    </section>
  </xsl:template>

  <!-- A member's view of the unit, and its admin's. -->
  <xsl:template match="unit">
    <section class="card">
      <h1><xsl:value-of select="@name"/></h1>
      <xsl:apply-templates select="../error"/>
      <dl class="facts">
        <dt>类型</dt>
        <dd><xsl:choose><xsl:when test="@key = 1">重点单位</xsl:when><xsl:otherwise>一般单位</xsl:otherwise></xsl:choose></dd>
        <dt>所在镇街</dt><dd><xsl:value-of select="@region"/></dd>
        <xsl:if test="@department">
          <dt>主管行业部门</dt><dd><xsl:value-of select="@department"/></dd>
        </xsl:if>
        <dt>人员数</dt><dd><xsl:call-template name="num"><xsl:with-param name="n" select="@headcount"/></xsl:call-template></dd>
        <dt>状态</dt>
        <dd>
          <xsl:choose>
            <xsl:when test="@status = 'pending'">等待区消安委办审核</xsl:when>
            <xsl:when test="@status = 'rejected'">未通过审核</xsl:when>
            <xsl:when test="@member-status = 'pending'">已申请加入，等待单位管理员审核</xsl:when>
            <xsl:when test="@admin = 1">已通过审核 · 你是单位管理员</xsl:when>
            <xsl:otherwise>已加入</xsl:otherwise>
          </xsl:choose>
        </dd>
      </dl>
      <xsl:if test="@status = 'rejected'">
        <p class="note">单位未通过审核。如有疑问请联系所在镇街或区消安委办；也可以退出后加入其他单位。</p>
      </xsl:if>
      <form method="post" action="/unit/leave" class="inline">
        <xsl:call-template name="csrf"/>
        <button type="submit" class="button secondary">
          <xsl:choose>
            <xsl:when test="@member-status = 'pending'">撤回加入申请</xsl:when>
            <xsl:otherwise>退出单位</xsl:otherwise>
          </xsl:choose>
        </button>
      </form>
    </section>
    <xsl:if test="@admin = 1 and @member-status = 'active' and @status = 'active'">
      <xsl:call-template name="admin-view"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="admin-view">
    <xsl:variable name="m" select="/page/members"/>
    <section class="card" id="join-code">
      <h2>邀请成员加入</h2>
      <p><l:m>加入码：<strong class="join-code"><xsl:value-of select="substring(@join-code, 1, 4)"/>&#160;<xsl:value-of select="substring(@join-code, 5)"/></strong></l:m></p>
      <p class="note"><l:m>成员登录后在“我的单位”输入加入码，或扫描加入海报上的二维码（<span class="nowrap"><xsl:value-of select="@join-url"/></span>）。</l:m></p>
      <p><a class="button secondary" href="/unit/poster.png">下载加入海报（A4）</a></p>
      <form method="post" action="/unit/invites" enctype="multipart/form-data" class="form">
        <xsl:call-template name="csrf"/>
        <label class="field">
          <span class="field-label">批量邀请：上传 CSV 名单（两列：姓名,手机号；Excel 请另存为“CSV UTF-8”）</span>
          <input name="file" type="file" accept=".csv,text/csv" required="required"/>
        </label>
        <button type="submit" class="button secondary">上传名单</button>
      </form>
      <p class="note">名单上已注册的人直接成为本单位成员；未注册的，用这个手机号注册或登录后自动加入。名单有任何一行不对，都不会导入。</p>
    </section>
    <section class="card" id="members">
      <h2>成员</h2>
      <dl class="facts">
        <dt>已加入</dt><dd><l:m><xsl:value-of select="$m/@active"/> 人</l:m></dd>
        <dt>蓝码有效</dt><dd><l:m><xsl:value-of select="$m/@valid + $m/@expiring"/> 人（其中 <xsl:value-of select="$m/@expiring"/> 人 30 天内到期）</l:m></dd>
        <dt>蓝码覆盖率</dt>
        <dd><l:m><xsl:value-of select="$m/@coverage"/>%（持有效蓝码的成员 ÷ 人员数 <xsl:value-of select="@headcount"/>）</l:m></dd>
        <dt>已过期 / 未领取</dt><dd><l:m><xsl:value-of select="$m/@expired"/> 人 / <xsl:value-of select="$m/@none"/> 人</l:m></dd>
        <dt>学习积分</dt><dd><l:m>合计 <xsl:value-of select="$m/@points"/>，人均 <xsl:value-of select="$m/@points-avg"/><xsl:if test="not($m/@points-avg)">0</xsl:if></l:m></dd>
      </dl>
      <p><a href="/unit/members.csv">导出成员名单（CSV）</a></p>
      <div class="table-scroll">
        <table class="members">
          <thead>
            <tr><th>姓名</th><th>手机号</th><th>状态</th><th>蓝码</th><th class="n">积分</th><th>操作</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="$m/member">
              <tr id="member-{@id}">
                <td><xsl:value-of select="@name"/><xsl:if test="not(@name)">未填写姓名</xsl:if><xsl:if test="@admin = 1">（管理员）</xsl:if></td>
                <td class="nowrap"><xsl:value-of select="@phone"/></td>
                <td class="nowrap"><xsl:choose><xsl:when test="@status = 'pending'">待审核</xsl:when><xsl:otherwise>已加入</xsl:otherwise></xsl:choose></td>
                <td class="nowrap">
                  <xsl:if test="@code-status">
                    <span class="code-status code-{@code-status}">
                      <xsl:call-template name="code-status"><xsl:with-param name="s" select="@code-status"/></xsl:call-template>
                    </span>
                  </xsl:if>
                </td>
                <td class="n"><xsl:if test="@status = 'active'"><xsl:value-of select="@points"/></xsl:if></td>
                <td class="actions">
                    <xsl:if test="@status = 'pending'">
                      <form method="post" action="/unit/members/{@id}/approve" class="inline">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" class="button">通过</button>
                      </form>
                    </xsl:if>
                    <xsl:if test="@status = 'active' and @admin = 0">
                      <form method="post" action="/unit/members/{@id}/admin" class="inline">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" class="link">设为管理员</button>
                      </form>
                    </xsl:if>
                    <xsl:if test="@admin = 0">
                      <form method="post" action="/unit/members/{@id}/remove" class="inline">
                        <xsl:call-template name="csrf"/>
                        <button type="submit" class="link">
                          <xsl:choose><xsl:when test="@status = 'pending'">拒绝</xsl:when><xsl:otherwise>移出</xsl:otherwise></xsl:choose>
                        </button>
                      </form>
                    </xsl:if>
                </td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <xsl:if test="/page/invites/invite">
        <h3><l:m>已邀请、尚未注册（<xsl:value-of select="count(/page/invites/invite)"/> 人）</l:m></h3>
        <ul class="invites">
          <xsl:for-each select="/page/invites/invite">
            <li><xsl:value-of select="@name"/>&#160;<span class="nowrap"><xsl:value-of select="@phone"/></span></li>
          </xsl:for-each>
        </ul>
      </xsl:if>
    </section>
    <xsl:call-template name="daily"/>
  </xsl:template>
</xsl:stylesheet>
